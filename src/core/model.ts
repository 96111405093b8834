/**
 * The domain model after loading and validation. Everything downstream
 * (schedule, calendar, documents, packs) works on these types only, never on
 * raw YAML.
 */
import type { Lang } from './text.js';
import type { Vocabulary } from './vocabulary.js';

export interface Person {
  name: string;
  email?: string;
  unit?: string;
  role?: string;
}

/** A period scheduling avoids, inclusive at both ends (ISO dates). */
export interface Blackout {
  name: string;
  from: string;
  to: string;
}

/** The mail server for `refleks send --smtp` (never a password). */
export interface SmtpSettings {
  host: string;
  port: number;
  security: 'starttls' | 'tls' | 'none';
  user?: string;
  perMinute: number;
}

export interface WorkspaceSettings {
  organisation: string;
  organiser: { name: string; email: string };
  timezone: string;
  language: Lang;
  /** Output folder, relative to the workspace root. */
  output: string;
  blackouts: Blackout[];
  /** Hours before a session that calendar clients remind people. */
  reminderHours: number;
  smtp?: SmtpSettings;
  /** The organisation's logo for certificates (`logo:` in refleks.yaml), read and checked by the loader. */
  logo?: Logo;
}

/** A PNG or JPEG image with its size in pixels, read from its header. */
export interface Logo {
  /** The file as written in refleks.yaml. */
  file: string;
  type: 'png' | 'jpg';
  width: number;
  height: number;
  bytes: Uint8Array;
  /** Hex SHA-256 of the bytes: names the image in cache keys. */
  sha256: string;
}

export type MaterialKind = 'film' | 'article' | 'form' | 'presentation' | 'other';
export type MaterialAudience = 'participants' | 'facilitator' | 'both';

export interface Material {
  title: string;
  kind: MaterialKind;
  audience: MaterialAudience;
  url?: string;
}

export interface AgendaBlock {
  minutes: number;
  title: string;
  note?: string;
}

export interface Theme {
  /** Unique within its programme; referenced as `programme/theme`. */
  id: string;
  title: string;
  summary: string;
  goals: string[];
  questions: string[];
  /** Between-session work (egenarbeid) handed out after this theme. */
  betweenSessions: string[];
  facilitatorNotes: string[];
  agenda: AgendaBlock[];
  materials: Material[];
}

export interface SessionDefaults {
  count: number;
  durationMinutes: number;
  intervalWeeks: number;
  betweenSessionHours: { min: number; max: number };
  /** 1-based session numbers the leader (leder) is invited to. */
  leaderSessions: number[];
}

export interface Programme {
  id: string;
  title: string;
  shortTitle: string;
  edition: string;
  audience: string;
  description: string;
  sessions: SessionDefaults;
  /** One invitation per person, so nobody sees other participants' addresses. */
  perPersonInvitations: boolean;
  /** Recommended group size; outside it is a warning, not an error. */
  recommendedParticipants: { min: number; max: number };
  /** Label of the optional second facilitator, e.g. «erfaringskonsulent». */
  coFacilitatorLabel?: string;
  /** Label of the facilitator when the programme names the role, e.g. «fagperson». */
  facilitatorLabel?: string;
  /** Facilitator and co-facilitator lead together as equals (Mestringstreff's two course leaders). */
  equalLeaders: boolean;
  /** Where the programme and its material are published; linked from packs and invitations. */
  sourceLink?: { title: string; url: string };
  /** The language the programme's text is written in. */
  language: Lang;
  /** The programme's own words, per language. */
  vocabulary: Record<Lang, Vocabulary>;
  /** Between-session items are voluntary suggestions (a course for residents), not set work. */
  betweenSessionsVoluntary: boolean;
  forms: FormSet;
  /** Who gets a certificate; without it, everyone who came at least once. */
  certificate?: CertificateRule;
  themes: Theme[];
  source: Source;
}

/** Which forms a group of this programme gets. */
export interface FormSet {
  /** `didactic`: planning along the didactic relation model. */
  planning: 'leader' | 'didactic';
  /** The follow-up form with the leader. */
  followUp: boolean;
  /** `participants`: an anonymous evaluation in plain language instead of one with the leader. */
  evaluation: 'leader' | 'participants';
}

export interface CertificateRule {
  /** Sessions a participant must have attended to get a certificate. */
  minSessions: number;
}

/** Who came to which session, as recorded in `attendance/<group>.yaml`. */
export interface Attendance {
  /** Session number → indexes (0-based) into the group's participants. Absent: not recorded yet. */
  sessions: Map<number, number[]>;
  source: Source;
}

export interface Source {
  origin: 'built-in' | 'workspace';
  /** Absolute path of the file. */
  path: string;
  /** Path as shown to the user (relative to the workspace or package). */
  display: string;
}

export interface Location {
  /** One line for calendars and documents. */
  text: string;
  room?: string;
  address?: string;
  url?: string;
}

export interface SessionOverride {
  date?: string;
  time?: string;
  durationMinutes?: number;
  location?: Location;
  cancelled?: boolean;
  /** The session does not happen on its date; its theme and every later one move one interval on. */
  postponed?: boolean;
  note?: string;
}

/** A theme as a group uses it, with the programme it came from. */
export interface GroupTheme {
  programmeId: string;
  programmeTitle: string;
  theme: Theme;
}

export interface Group {
  /** Stable id, from the file name; used in paths and calendar UIDs. */
  id: string;
  name: string;
  /** The programme the group follows, or `kombinert` when themes are combined. */
  programmeId: string;
  programmeTitle: string;
  combined: boolean;
  themes: GroupTheme[];
  facilitator: Person;
  coFacilitator?: Person;
  leader?: Person;
  participants: Person[];
  location: Location;
  start: string;
  time: string;
  durationMinutes: number;
  intervalWeeks: number;
  betweenSessionHours: { min: number; max: number };
  leaderSessions: number[];
  perPersonInvitations: boolean;
  /** Language of the documents and invitations for this group (`language:` in the group file); else the workspace's. */
  language?: Lang;
  overrides: Map<number, SessionOverride>;
  /** Links the group file adds to a session's theme, by session number. */
  materials: Map<number, Material[]>;
  /** The group's rule, else the programme's; undefined when neither sets one. */
  certificate?: CertificateRule;
  /** Attendance recorded so far, if any file exists. */
  attendance?: Attendance;
  source: Source;
  /** Where fields stand in the group file (`start`, `time`, `sessions.3.date` …), for messages. */
  positions: Record<string, { line: number; column: number }>;
}

export interface Workspace {
  /** Absolute path of the folder holding refleks.yaml. */
  root: string;
  settings: WorkspaceSettings;
  programmes: Map<string, Programme>;
  groups: Group[];
}
