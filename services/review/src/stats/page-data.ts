import { AgencySettingsRepository, listElections, type Db } from '@netra/db';
import { runReport, type StatsQuery, type StatsReport, type StatsScope } from '@netra/stats';

export interface StatsPageData {
  total: StatsReport;
  byDay: StatsReport;
  byCode: StatsReport;
  byAgency: StatsReport;
  byRegion: StatsReport;
  byProvince: StatsReport;
  byPlatform: StatsReport;
  bySeverity: StatsReport;
  byPhase: StatsReport;
  decisionTimes: StatsReport;
  backlog: StatsReport;
  elections: { code: string; name: string }[];
  agencies: { code: string; name: string }[];
}

/** Everything the statistics page shows, for one query and the viewer's scope. */
export async function loadStatsPage(db: Db, query: StatsQuery, scope: StatsScope): Promise<StatsPageData> {
  const grouped = (...by: StatsQuery['by']) => runReport(db, 'counts', { ...query, by }, scope);
  const [total, byDay, byCode, byAgency, byRegion, byProvince, byPlatform, bySeverity, byPhase, decisionTimes, backlog, elections, agencies] = await Promise.all([
    grouped(),
    grouped('day'),
    grouped('code'),
    grouped('agency'),
    grouped('province', 'regency'),
    grouped('province'),
    grouped('platform'),
    grouped('severity'),
    grouped('phase'),
    runReport(db, 'decision-times', { ...query, by: [] }, scope),
    runReport(db, 'backlog', { ...query, by: [] }, scope),
    listElections(db),
    new AgencySettingsRepository(db).choices(scope.agencyId),
  ]);
  return { total, byDay, byCode, byAgency, byRegion, byProvince, byPlatform, bySeverity, byPhase, decisionTimes, backlog, elections, agencies };
}
