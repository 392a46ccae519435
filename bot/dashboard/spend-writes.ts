import type restify from 'restify';
import { SPEND_WRITE_WORDS } from '../../cards/dashboard/spend-words.js';
import { readSupplierForm, readTargetForm } from '../../core/dashboard/index.js';
import { supplierKeyOf } from '../../core/spend/suppliers.js';
import { setTarget, targetFor } from '../../core/spend/targets.js';
import { StaleSpendError } from '../spend/spend-store.js';
import { asSignedIn, type DashboardDeps } from './routes.js';
import { asLead, personOf } from './spend-routes.js';

/** Problems beside their fields: `{ error, problems: [{ path, message }] }`. */
function refuseFields(res: restify.Response, problems: { path: string; message: string }[]): void {
  res.status(400);
  res.json({ error: SPEND_WRITE_WORDS.fix, problems });
}

const bodyOf = (req: restify.Request): Record<string, unknown> =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};

/**
 * A lead's edits of the spend baseline: a supplier's size and place, and the Action Plan's
 * targets. Each is written conditionally on the ETag the page read; a stale save is refused
 * in plain words with what is stored now, and the page keeps what was typed.
 */
export function addSpendWrites(server: restify.Server, deps: DashboardDeps): void {
  const store = deps.spend;

  const saveSupplier = (req: restify.Request, res: restify.Response, key: string | undefined) =>
    asSignedIn(deps, req, res, (who, pack) =>
      asLead(who, res, async () => {
        const body = bodyOf(req);
        const read = readSupplierForm(body, pack);
        if (!read.ok) return refuseFields(res, read.problems);
        const etag = typeof body.etag === 'string' && body.etag !== '' ? body.etag : undefined;
        // A change names the version it was made on: never a blind overwrite of someone's save.
        if (key !== undefined && etag === undefined) {
          res.status(400);
          res.json({ error: SPEND_WRITE_WORDS.noVersion });
          return;
        }
        const tenantId = who.viewer.tenantId;
        try {
          const saved = await store.saveSupplier(
            tenantId,
            key,
            read.value,
            personOf(who),
            deps.clock().toISOString(),
            etag,
          );
          deps.logger.info('spend.supplier_saved', { added: key === undefined });
          res.json({
            saved: { key: saved.key, etag: saved.etag },
            message: SPEND_WRITE_WORDS.saved(saved.name),
          });
        } catch (error) {
          if (!(error instanceof StaleSpendError)) throw error;
          deps.logger.info('spend.supplier_stale', {});
          // A new supplier clashes on the key it would be filed under (its id, else its
          // normalised name): one already listed, not a change made since the page loaded.
          const clash = key ?? supplierKeyOf(read.value);
          const now = (await store.suppliers(tenantId)).find((s) => s.key === clash);
          res.status(409);
          res.json({
            error:
              key === undefined && now !== undefined
                ? SPEND_WRITE_WORDS.alreadyListed(now.name, now.updatedBy?.name)
                : SPEND_WRITE_WORDS.supplierStale(now?.updatedBy?.name),
            ...(now
              ? {
                  current: {
                    key: now.key,
                    etag: now.etag,
                    headcount: now.headcount,
                    band: now.band ?? (now.sme ? 'sme' : undefined),
                    postcode: now.postcode,
                    vcse: now.vcse,
                  },
                }
              : {}),
          });
        }
      }),
    );

  server.post('/api/dashboard/spend/suppliers', async (req, res) =>
    saveSupplier(req, res, undefined),
  );
  server.put('/api/dashboard/spend/suppliers/:key', async (req, res) =>
    saveSupplier(req, res, String(req.params.key)),
  );

  server.post('/api/dashboard/spend/targets', async (req, res) =>
    asSignedIn(deps, req, res, (who) =>
      asLead(who, res, async () => {
        const body = bodyOf(req);
        const read = readTargetForm(body);
        if (!read.ok) return refuseFields(res, read.problems);
        const tenantId = who.viewer.tenantId;
        const { plan, etag } = await store.actionPlan(tenantId);
        const seen = typeof body.etag === 'string' && body.etag !== '' ? body.etag : undefined;
        const stale = () => {
          const now = targetFor(plan, read.value.year, read.value.measure);
          res.status(409);
          res.json({
            error: SPEND_WRITE_WORDS.planStale(now?.setBy.name),
            ...(etag ? { planEtag: etag } : {}),
          });
        };
        // The plan changed since the page read it: someone else set a target meanwhile.
        if (seen !== etag) return stale();
        const set = setTarget(plan, read.value, personOf(who), deps.clock().toISOString());
        if (!set.ok) return refuseFields(res, set.problems);
        if (!set.value.changed) {
          res.json({
            message: SPEND_WRITE_WORDS.targetUnchanged,
            ...(etag ? { planEtag: etag } : {}),
          });
          return;
        }
        try {
          await store.saveActionPlan(tenantId, set.value.plan, etag);
        } catch (error) {
          if (!(error instanceof StaleSpendError)) throw error;
          return stale();
        }
        deps.logger.info('spend.target_set', {
          measure: read.value.measure,
          year: read.value.year,
        });
        res.json({ message: SPEND_WRITE_WORDS.targetSet });
      }),
    ),
  );
}
