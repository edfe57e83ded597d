export * from './division-code.js';
export * from './errors.js';
export * from './id-number.js';
export * from './masking.js';
export * from './people.js';
export * from './credit-code.js';
export * from './catalogue.js';
export * from './apprenticeship.js';
