import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_parties.ts';
import * as m0003 from './0003_surveys.ts';
import * as m0004 from './0004_service.ts';
import * as m0005 from './0005_commerce.ts';
import * as m0006 from './0006_imports.ts';
import * as m0007 from './0007_mail_outbox.ts';
import * as m0008 from './0008_survey_ballots.ts';
import * as m0009 from './0009_audit_daily_count.ts';
import * as m0010 from './0010_value.ts';
import * as m0011 from './0011_value_segments.ts';
import * as m0012 from './0012_people.ts';
import * as m0013 from './0013_value_core.ts';
import * as m0014 from './0014_people_more.ts';
import * as m0015 from './0015_insight.ts';
import * as m0016 from './0016_value_customer_sorts.ts';
import * as m0017 from './0017_links_hrcrm.ts';
import * as m0018 from './0018_care.ts';
import * as m0019 from './0019_campaigns.ts';
import * as m0020 from './0020_care_settings.ts';
import * as m0021 from './0021_care_more.ts';
import * as m0022 from './0022_projects.ts';
import * as m0023 from './0023_practice.ts';
import * as m0024 from './0024_bin.ts';
import * as m0025 from './0025_notifications.ts';
import * as m0026 from './0026_care_rest.ts';
import * as m0027 from './0027_webhooks.ts';
import * as m0028 from './0028_shared_auth.ts';
import * as m0029 from './0029_read_your_writes.ts';
import * as m0030 from './0030_party_name_lookup.ts';
import * as m0031 from './0031_settings_notify.ts';

/** All migrations, in order. Append only; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_parties': m0002,
  '0003_surveys': m0003,
  '0004_service': m0004,
  '0005_commerce': m0005,
  '0006_imports': m0006,
  '0007_mail_outbox': m0007,
  '0008_survey_ballots': m0008,
  '0009_audit_daily_count': m0009,
  '0010_value': m0010,
  '0011_value_segments': m0011,
  '0012_people': m0012,
  '0013_value_core': m0013,
  '0014_people_more': m0014,
  '0015_insight': m0015,
  '0016_value_customer_sorts': m0016,
  '0017_links_hrcrm': m0017,
  '0018_care': m0018,
  '0019_campaigns': m0019,
  '0020_care_settings': m0020,
  '0021_care_more': m0021,
  '0022_projects': m0022,
  '0023_practice': m0023,
  '0024_bin': m0024,
  '0025_notifications': m0025,
  '0026_care_rest': m0026,
  '0027_webhooks': m0027,
  '0028_shared_auth': m0028,
  '0029_read_your_writes': m0029,
  '0030_party_name_lookup': m0030,
  '0031_settings_notify': m0031,
};
