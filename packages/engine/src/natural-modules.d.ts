// natural ships no types for the submodules the engine imports; these are the calls it uses.
declare module 'natural/lib/natural/phonetics/double_metaphone.js' {
  export default class DoubleMetaphone {
    process(token: string, maxLength?: number): [string, string];
  }
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
