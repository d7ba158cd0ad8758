import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../../src/listen/gmm.js';
import { wavBytes } from '../../../src/listen/wav.js';
import { CACHE, espeakVoice, filletsInstalled, filletsVoice, RATE, type Utterance } from './voices.js';

/**
 * Conversations with a known truth, built at test time from banks of utterances: two voices taking turns on a known
 * schedule (the organizer's share of the talk is chosen), in a quiet room, an office or a café, with overlap or a
 * phone on the table. Each is written as a WAV with its truth beside it, under node_modules/.cache, once.
 */
export type Room = 'quiet' | 'office' | 'cafe';

export interface FixtureSpec {
  readonly name: string;
  readonly kind: 'synthetic' | 'recorded';
  readonly organizer: string;
  readonly other: string;
  readonly share: number;
  readonly seconds: number;
  readonly room: Room;
  readonly overlap?: boolean;
  /** The other person on a phone's loudspeaker on the table: quieter and telephone-band. */
  readonly phone?: boolean;
  readonly sameGender?: boolean;
}

export interface Truth {
  readonly organizerSeconds: number;
  readonly otherSeconds: number;
  readonly share: number;
  /** Times (s) at which the talk passes from one person to the other. */
  readonly changes: readonly { readonly at: number; readonly to: 'organizer' | 'other' }[];
}

export interface BuiltFixture {
  readonly spec: FixtureSpec;
  readonly wav: string;
  readonly enrolmentWav: string;
  readonly truth: Truth;
}

const FIXTURE_VERSION = 4;

const SENTENCES = [
  'So tell me, how long have you lived in the building?',
  'The heat went out again last week, and nobody from the management office called back.',
  'My daughter has asthma, so the mold in the bathroom really worries me.',
  'I work nights at the warehouse, which makes the meetings hard to get to.',
  'We went to the city council once, but they told us to file a complaint online.',
  'What would it mean for you if the repairs were actually done?',
  'My neighbor on the third floor says the rent is going up again in March.',
  'I used to be active at my church, we organized the food drive every winter.',
  'Honestly I am tired, but I am angry too, because it keeps happening.',
  'Who else in the building feels the same way about this?',
  'There are maybe five or six families who talk about it in the laundry room.',
  'The landlord sent a letter saying we have to move our cars by Friday.',
  'I do not want trouble with my lease, that is my biggest fear.',
  'When you say trouble, what are you most afraid would happen?',
  'My brother lost his apartment two years ago after he complained.',
  'We could start with a meeting in someone\'s kitchen, just the people you trust.',
  'I can bring coffee and I know the woman in apartment twelve would come.',
  'The elevator has been broken since the summer, and my mother uses a walker.',
  'I called the inspector and he came once, took pictures, and never wrote anything.',
  'What time of day works best for the people you are thinking of?',
  'Sundays after church are good, most people are home by two o\'clock.',
  'I think the young guys on the fifth floor would help with the flyers.',
  'It is the first time somebody asked me what I think about all this.',
  'My kids go to the school on Maple Street, the parents there talk a lot.',
  'The bus line they cut last year made my commute an hour longer.',
  'If we get enough signatures, will the newspaper pay attention?',
  'I remember when the building had a tenants association, back in the nineties.',
  'My husband says nothing will change, but I want to try anyway.',
  'Could you ask three neighbors before we talk again next Tuesday?',
  'Yes, I can do that, I will start with the family across the hall.',
];

/** The organizer's reading for the enrolment, about thirty seconds. */
const ENROLMENT_PASSAGE = [
  'Thank you for making time to talk with me today.',
  'I am an organizer with the neighborhood association, and I listen more than I speak.',
  'The point of a one on one is to learn what you care about and why.',
  'People here have a lot of reasons to be angry, and also a lot of reasons to hope.',
  'When we act together, landlords and the city have to answer us.',
  'I would like to hear your story, and then see if there is something we can do next.',
  'Every campaign we have won started with a conversation like this one.',
];

interface VoiceBanks { readonly conversation: Utterance[]; readonly enrolment: Utterance[] }

/** Splits a bank: the enrolment takes its first thirty seconds of speech, the conversation the rest. */
function splitForEnrolment(bank: Utterance[]): VoiceBanks {
  let seconds = 0;
  let at = 0;
  while (at < bank.length && seconds < 32) seconds += bank[at++]!.length / RATE;
  return { enrolment: bank.slice(0, at), conversation: bank.slice(at) };
}

async function voiceBanks(voice: string, asOrganizer: boolean): Promise<VoiceBanks> {
  if (voice.startsWith('fillets:')) {
    const [, language, character] = voice.split(':') as [string, 'cs' | 'nl', 'm' | 'v'];
    return splitForEnrolment(await filletsVoice(language, character));
  }
  const conversation = await espeakVoice(voice, SENTENCES);
  return { conversation, enrolment: asOrganizer ? await espeakVoice(voice, ENROLMENT_PASSAGE) : [] };
}

const SYNTHETIC_BABBLE = ['en-gb+Andrea', 'en-029+Denis', 'en-gb-scotland+Linda', 'en-us+Mr_Serious', 'en-gb-x-rp+Annie'];

async function babbleBanks(spec: FixtureSpec): Promise<Utterance[][]> {
  if (spec.kind === 'synthetic') return Promise.all(SYNTHETIC_BABBLE.map((v) => espeakVoice(v, SENTENCES.slice().reverse(), 175)));
  const language = spec.organizer.split(':')[1] as 'cs' | 'nl';
  const otherLanguage = language === 'cs' ? 'nl' : 'cs';
  // Other tables: the game's other characters and the other language's actors, none of them a voice in the talk.
  return [await filletsVoice(language, 'others'), await filletsVoice(otherLanguage, 'm'), await filletsVoice(otherLanguage, 'v'), await filletsVoice(otherLanguage, 'others')];
}

function rms(u: Float32Array): number {
  let s = 0;
  for (const v of u) s += v * v;
  return Math.sqrt(s / Math.max(1, u.length));
}

const SPEECH_LEVEL = 0.06;

/** Places utterances of two voices turn by turn so the organizer's share of the talk tracks `share`. */
function schedule(spec: FixtureSpec, organizer: Utterance[], other: Utterance[], random: () => number) {
  const placed: { at: number; u: Utterance; who: 'organizer' | 'other' }[] = [];
  let t = 0.8;
  let organizerSeconds = 0;
  let otherSeconds = 0;
  let who: 'organizer' | 'other' = 'organizer';
  const end = spec.seconds - 3;
  while (t < end) {
    const target = who === 'organizer'
      ? 2 + random() * 5
      : Math.max(2, ((organizerSeconds + 4) * (1 - spec.share)) / spec.share - otherSeconds);
    let turn = 0;
    const bank = who === 'organizer' ? organizer : other;
    while (turn < target && t < end) {
      const u = bank[Math.floor(random() * bank.length)]!;
      placed.push({ at: t, u, who });
      const seconds = u.length / RATE;
      turn += seconds;
      t += seconds + 0.15 + random() * 0.35;
    }
    if (who === 'organizer') organizerSeconds += turn;
    else otherSeconds += turn;
    who = who === 'organizer' ? 'other' : 'organizer';
    // An overlap: the next person starts before the last one has finished.
    t += spec.overlap && random() < 0.5 ? -0.5 - random() * 0.6 : 0.3 + random() * 0.9;
  }
  return placed;
}

function bandLimit(u: Float32Array, lowHz: number, highHz: number): Float32Array {
  const out = Float32Array.from(u);
  // Two one-pole filters each way: a telephone's band, steep enough for a fixture.
  for (let pass = 0; pass < 2; pass++) {
    const a = Math.exp((-2 * Math.PI * highHz) / RATE);
    let y = 0;
    for (let i = 0; i < out.length; i++) out[i] = y = (1 - a) * out[i]! + a * y;
    const b = Math.exp((-2 * Math.PI * lowHz) / RATE);
    let previousIn = 0;
    let previousOut = 0;
    for (let i = 0; i < out.length; i++) {
      const x = out[i]!;
      out[i] = previousOut = b * (previousOut + x - previousIn);
      previousIn = x;
    }
  }
  return out;
}

function addRoom(mix: Float32Array, spec: FixtureSpec, babble: Utterance[][], random: () => number): void {
  if (spec.room === 'quiet') {
    for (let i = 0; i < mix.length; i++) mix[i]! += (random() - 0.5) * 0.0006;
    return;
  }
  // Office: ventilation (low-passed noise), a hum, and keys typed now and then, about 25 dB under the voices.
  let low = 0;
  for (let i = 0; i < mix.length; i++) {
    low = 0.97 * low + 0.03 * (random() - 0.5);
    mix[i]! += low * 0.05 + 0.0015 * Math.sin((2 * Math.PI * 100 * i) / RATE);
  }
  for (let at = 0; at < mix.length; at += Math.floor(RATE * (0.1 + random() * 0.5))) {
    for (let j = 0; j < 200 && at + j < mix.length; j++) mix[at + j]! += (random() - 0.5) * 0.03 * Math.exp(-j / 40);
  }
  if (spec.room !== 'cafe') return;
  // Café: other tables talking (four voices at once, each without pauses), cups and plates, about 10 dB under.
  for (const bank of babble) {
    const level = SPEECH_LEVEL * 0.16;
    for (let t = Math.floor(random() * RATE); t < mix.length; ) {
      const u = bank[Math.floor(random() * bank.length)]!;
      const gain = level / Math.max(rms(u), 1e-6);
      for (let j = 0; j < u.length && t + j < mix.length; j++) mix[t + j]! += u[j]! * gain;
      t += u.length + Math.floor(random() * 0.2 * RATE);
    }
  }
  for (let at = 0; at < mix.length; at += Math.floor(RATE * (0.5 + random() * 3))) {
    const pitch = 2000 + random() * 3000;
    for (let j = 0; j < 1600 && at + j < mix.length; j++) mix[at + j]! += 0.02 * Math.sin((2 * Math.PI * pitch * j) / RATE) * Math.exp(-j / 300);
  }
}

function toInt16(mix: Float32Array): Int16Array {
  return Int16Array.from(mix, (v) => Math.max(-32768, Math.min(32767, Math.round(v * 32768))));
}

function render(spec: FixtureSpec, placed: ReturnType<typeof schedule>, babble: Utterance[][], random: () => number) {
  const mix = new Float32Array(Math.ceil(spec.seconds * RATE));
  const frames = Math.ceil(spec.seconds * 100);
  const organizerOn = new Uint8Array(frames);
  const otherOn = new Uint8Array(frames);
  for (const p of placed) {
    const isPhone = spec.phone && p.who === 'other';
    const u = isPhone ? bandLimit(p.u, 300, 3400) : p.u;
    const level = SPEECH_LEVEL * (isPhone ? 0.45 : 1) * (0.8 + random() * 0.4);
    const gain = level / Math.max(rms(u), 1e-6);
    const start = Math.floor(p.at * RATE);
    for (let j = 0; j < u.length && start + j < mix.length; j++) mix[start + j]! += u[j]! * gain;
    const on = p.who === 'organizer' ? organizerOn : otherOn;
    for (let f = Math.floor(p.at * 100); f < Math.min(frames, Math.floor((p.at + u.length / RATE) * 100)); f++) on[f] = 1;
  }
  addRoom(mix, spec, babble, random);
  return { samples: toInt16(mix), truth: truthOf(organizerOn, otherOn) };
}

function truthOf(organizerOn: Uint8Array, otherOn: Uint8Array): Truth {
  let organizer = 0;
  let other = 0;
  const changes: { at: number; to: 'organizer' | 'other' }[] = [];
  let last: 'organizer' | 'other' | null = null;
  for (let f = 0; f < organizerOn.length; f++) {
    organizer += organizerOn[f]!;
    other += otherOn[f]!;
    const now = organizerOn[f] && !otherOn[f] ? 'organizer' : otherOn[f] && !organizerOn[f] ? 'other' : null;
    if (now && now !== last) {
      if (last) changes.push({ at: f / 100, to: now });
      last = now;
    }
  }
  return { organizerSeconds: organizer / 100, otherSeconds: other / 100, share: organizer / (organizer + other), changes };
}

function enrolmentSamples(bank: Utterance[]): Int16Array {
  const gap = new Float32Array(Math.floor(0.3 * RATE));
  const parts = bank.flatMap((u) => {
    const gain = SPEECH_LEVEL / Math.max(rms(u), 1e-6);
    return [u.map((v) => v * gain), gap];
  });
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  for (let i = 0; i < all.length; i++) all[i]! += (i % 7 - 3) * 0.00005;
  return toInt16(all);
}

/** Each fixture's randomness comes from its name, so it is the same whatever runs with it. */
function seedOf(name: string): number {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

export async function buildFixture(spec: FixtureSpec): Promise<BuiltFixture> {
  const dir = join(CACHE, `fixtures-v${FIXTURE_VERSION}`);
  const wav = join(dir, `${spec.name}.wav`);
  const enrolmentWav = join(dir, `${spec.name}.enrolment.wav`);
  const truthFile = join(dir, `${spec.name}.truth.json`);
  if (existsSync(truthFile) && existsSync(wav) && existsSync(enrolmentWav)) {
    return { spec, wav, enrolmentWav, truth: JSON.parse(readFileSync(truthFile, 'utf8')) as Truth };
  }
  const random = seededRandom(seedOf(spec.name));
  const organizer = await voiceBanks(spec.organizer, true);
  const other = await voiceBanks(spec.other, false);
  const babble = spec.room === 'cafe' ? await babbleBanks(spec) : [];
  const { samples, truth } = render(spec, schedule(spec, organizer.conversation, other.conversation, random), babble, random);
  mkdirSync(dir, { recursive: true });
  writeFileSync(wav, wavBytes(samples));
  writeFileSync(enrolmentWav, wavBytes(enrolmentSamples(organizer.enrolment)));
  writeFileSync(truthFile, JSON.stringify({ ...truth, spec }, null, 1));
  return { spec, wav, enrolmentWav, truth };
}

const MAN = 'en-us+Michael';
const WOMAN = 'en-us+f2';
const SECOND_MAN = 'en-gb+Andy';
const CS_BIG = 'fillets:cs:v';
const CS_SMALL = 'fillets:cs:m';
const NL_BIG = 'fillets:nl:v';
const NL_SMALL = 'fillets:nl:m';

/** The fixture set: synthetic voices always; recorded ones where Debian's fillets-ng-data-cs/-nl are installed. */
export function fixtureSpecs(seconds = 150): FixtureSpec[] {
  const synthetic = (name: string, s: Partial<FixtureSpec>): FixtureSpec => ({ name: `synthetic-${name}`, kind: 'synthetic', organizer: MAN, other: WOMAN, share: 0.2, seconds, room: 'quiet', ...s });
  const recorded = (name: string, s: Partial<FixtureSpec>): FixtureSpec => ({ name: `recorded-${name}`, kind: 'recorded', organizer: CS_BIG, other: CS_SMALL, share: 0.2, seconds, room: 'quiet', ...s });
  const specs = [
    synthetic('quiet-10', { share: 0.1 }),
    synthetic('quiet-20', {}),
    synthetic('quiet-40', { share: 0.4, organizer: WOMAN, other: MAN }),
    synthetic('office-10', { room: 'office', share: 0.1 }),
    synthetic('office-40', { room: 'office', share: 0.4 }),
    synthetic('cafe-20', { room: 'cafe' }),
    synthetic('same-gender-20', { other: SECOND_MAN, sameGender: true }),
    synthetic('overlap-20', { overlap: true }),
    synthetic('phone-20', { phone: true }),
  ];
  const cs = filletsInstalled('cs');
  const nl = filletsInstalled('nl');
  if (cs) {
    specs.push(
      recorded('cs-quiet-10', { share: 0.1 }),
      recorded('cs-quiet-20', {}),
      recorded('cs-quiet-40', { share: 0.4 }),
      recorded('cs-office-20', { room: 'office' }),
      recorded('cs-cafe-20', { room: 'cafe' }),
      recorded('cs-overlap-20', { overlap: true }),
    );
  }
  if (nl) {
    specs.push(
      recorded('nl-quiet-10', { organizer: NL_SMALL, other: NL_BIG, share: 0.1 }),
      recorded('nl-quiet-40', { organizer: NL_SMALL, other: NL_BIG, share: 0.4 }),
      recorded('nl-office-40', { organizer: NL_SMALL, other: NL_BIG, share: 0.4, room: 'office' }),
      recorded('nl-cafe-40', { organizer: NL_SMALL, other: NL_BIG, share: 0.4, room: 'cafe' }),
      recorded('nl-phone-20', { organizer: NL_SMALL, other: NL_BIG, phone: true }),
    );
  }
  if (cs && nl) {
    specs.push(
      recorded('same-gender-men-20', { organizer: CS_BIG, other: NL_BIG, sameGender: true }),
      recorded('same-gender-women-20', { organizer: NL_SMALL, other: CS_SMALL, sameGender: true, room: 'office' }),
      recorded('long-cs-quiet-20', { seconds: 360 }),
    );
  }
  return specs;
}
