import type { DashboardPlace } from '../../cards/report-card.js';
import type { Config } from '../config.js';

/**
 * Where the `report` card sends people: the Dashboard tab by its Teams deep link when the
 * Teams app's id is set; otherwise (the Playground) the page this bot serves, in a browser.
 */
export function dashboardPlace(config: Config, serverUrl: string | undefined): DashboardPlace {
  if (config.TEAMS_APP_ID !== undefined) {
    return {
      teamsLink: `https://teams.microsoft.com/l/entity/${encodeURIComponent(config.TEAMS_APP_ID)}/dashboard`,
    };
  }
  return serverUrl ? { browserUrl: `${serverUrl}/dashboard` } : undefined;
}
