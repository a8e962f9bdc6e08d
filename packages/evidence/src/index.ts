export * from './canonical.ts';
export * from './merkle.ts';
export * from './window.ts';
export * from './assemble-clip.ts';
export * from './verify.ts';
