// The strings the app shows. One language for now; the shape is `Strings`, so adding one is a file.
import { en } from './en.ts';

export const t = en;
export type { Strings } from './en.ts';
