/** Turns a validated programme file into the model, with cross-field checks. */
import type { Programme, Source } from '../core/model.js';
import { t } from '../core/text.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../core/vocabulary.js';
import type { Ctx } from './schema.js';
import type { ProgrammeFile } from './schemas.js';

export function toProgramme(raw: ProgrammeFile, source: Source, ctx: Ctx): Programme | undefined {
  const before = ctx.issues.length;
  const s = raw.sessions;
  if (s.count !== raw.themes.length) {
    ctx.issues.push({
      path: ['sessions', 'count'],
      message: t(
        `programmet har ${raw.themes.length} temaer, men ${s.count} samlinger`,
        `the programme has ${raw.themes.length} themes but ${s.count} sessions`,
      ),
      hint: t('Hver samling har ett tema: gjør tallene like.', 'Each session has one theme: make the numbers equal.'),
    });
  }
  const seen = new Set<string>();
  raw.themes.forEach((theme, i) => {
    if (seen.has(theme.id))
      ctx.issues.push({
        path: ['themes', i, 'id'],
        message: t(`tema-id «${theme.id}» er brukt før`, `theme id "${theme.id}" is used twice`),
      });
    seen.add(theme.id);
    const total = theme.agenda.reduce((sum, b) => sum + b.minutes, 0);
    if (total > s.duration_minutes) {
      ctx.issues.push({
        path: ['themes', i, 'agenda'],
        message: t(
          `tidsplanen er ${total} minutter, men en samling varer ${s.duration_minutes}`,
          `the agenda is ${total} minutes but a session lasts ${s.duration_minutes}`,
        ),
        hint: t(
          `Kort ned punktene med til sammen ${total - s.duration_minutes} minutter, eller øk sessions.duration_minutes.`,
          `Shorten the items by ${total - s.duration_minutes} minutes in all, or raise sessions.duration_minutes.`,
        ),
      });
    }
  });
  (s.leader_sessions ?? []).forEach((n, i) => {
    if (n > s.count)
      ctx.issues.push({
        path: ['sessions', 'leader_sessions', i],
        message: t(
          `samling ${n} finnes ikke (programmet har ${s.count})`,
          `session ${n} does not exist (the programme has ${s.count})`,
        ),
      });
  });
  const hours = s.between_session_hours ?? { min: 1, max: 2 };
  const rec = raw.recommended_participants;
  if (rec && rec.min > rec.max)
    ctx.issues.push({
      path: ['recommended_participants'],
      message: t('min er større enn max', 'min is greater than max'),
    });
  if (hours.min > hours.max)
    ctx.issues.push({
      path: ['sessions', 'between_session_hours'],
      message: t('min er større enn max', 'min is greater than max'),
    });
  if (ctx.issues.length > before) return undefined;
  const coLabel = raw.roles?.co_facilitator ?? raw.co_facilitator_label;
  return {
    id: raw.id,
    title: raw.title,
    shortTitle: raw.short_title ?? raw.title,
    edition: raw.edition,
    audience: raw.audience,
    description: raw.description,
    sessions: {
      count: s.count,
      durationMinutes: s.duration_minutes,
      intervalWeeks: s.interval_weeks,
      betweenSessionHours: hours,
      leaderSessions: s.leader_sessions ?? [1, s.count],
    },
    perPersonInvitations: raw.per_person_invitations ?? false,
    recommendedParticipants: raw.recommended_participants ?? { min: 4, max: 6 },
    ...(coLabel ? { coFacilitatorLabel: coLabel } : {}),
    ...(raw.roles?.facilitator ? { facilitatorLabel: raw.roles.facilitator } : {}),
    equalLeaders: raw.roles?.equal ?? false,
    language: raw.language ?? 'nb',
    ...(raw.source ? { sourceLink: { title: raw.source.title, url: raw.source.url } } : {}),
    vocabulary: { nb: vocabulary('nb', raw.vocabulary?.nb), en: vocabulary('en', raw.vocabulary?.en) },
    betweenSessionsVoluntary: raw.between_sessions_style === 'voluntary',
    forms: {
      planning: raw.forms?.planning ?? 'leader',
      followUp: raw.forms?.follow_up ?? true,
      evaluation: raw.forms?.evaluation ?? 'leader',
    },
    ...(raw.certificate ? { certificate: { minSessions: raw.certificate.min_sessions } } : {}),
    themes: raw.themes.map((th) => ({
      id: th.id,
      title: th.title,
      summary: th.summary,
      goals: th.goals,
      questions: th.questions,
      betweenSessions: th.between_sessions,
      facilitatorNotes: th.facilitator_notes,
      agenda: th.agenda.map((b) => ({ minutes: b.minutes, title: b.title, ...(b.note ? { note: b.note } : {}) })),
      materials: (th.materials ?? []).map((m) => ({
        title: m.title,
        kind: m.kind,
        audience: m.audience ?? 'both',
        ...(m.url ? { url: m.url } : {}),
      })),
    })),
    source,
  };
}

type Words = NonNullable<NonNullable<ProgrammeFile['vocabulary']>['nb']>;

function vocabulary(lang: 'nb' | 'en', w: Words | undefined): Vocabulary {
  const d = DEFAULT_VOCABULARY[lang];
  if (!w) return d;
  return {
    session: w.session ?? d.session,
    sessions: w.sessions ?? d.sessions,
    theSession: w.the_session ?? d.theSession,
    thisSession: w.this_session ?? d.thisSession,
    facilitator: w.facilitator ?? d.facilitator,
    facilitators: w.facilitators ?? d.facilitators,
    participant: w.participant ?? d.participant,
    participants: w.participants ?? d.participants,
    calendarCategory: w.calendar_category ?? d.calendarCategory,
  };
}
