// @shoudan/terminal: a POS terminal simulator library.
export {};
