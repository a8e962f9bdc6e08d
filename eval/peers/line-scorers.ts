import vader from 'vader-sentiment';
import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer.js';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A peer library reduced to its own decision rule: is this whole line negative? */
export interface LineScorer {
  name: string;
  isNegative(text: string): boolean;
}

/** vader-sentiment: compound <= -0.05, the threshold VADER's authors give. */
export function vaderScorer(): LineScorer {
  return { name: 'vader-sentiment', isNegative: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound <= -0.05 };
}

/** wink-nlp with wink-eng-lite-web-model: document sentiment < 0. */
export function winkScorer(): LineScorer {
  const nlp = winkNLP(model);
  const its = nlp.its;
  return { name: 'wink-nlp', isNegative: (text) => (nlp.readDoc(text).out(its.sentiment) as number) < 0 };
}

/** natural's SentimentAnalyzer with AFINN-165 and the Porter stemmer (its documented setup): score < 0. */
export function afinnScorer(): LineScorer {
  const analyzer = new SentimentAnalyzer('English', PorterStemmer, 'afinn');
  const tokenizer = new WordTokenizer();
  return { name: 'natural (AFINN)', isNegative: (text) => analyzer.getSentiment(tokenizer.tokenize(text)) < 0 };
}

/** Every peer, built once per run. */
export const allPeers = (): LineScorer[] => [vaderScorer(), winkScorer(), afinnScorer()];
