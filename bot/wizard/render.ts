/** The wizard's cards are built in cards/ (every word an officer reads is there); bot/ passes data. */
export { type CardState, recordCard } from '../../cards/wizard-card.js';
