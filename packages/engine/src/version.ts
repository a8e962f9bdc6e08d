/** Stamped on every finding so a stored finding can be traced to the rules that produced it. */
export const DETECTOR_VERSION = 'rules-25';
