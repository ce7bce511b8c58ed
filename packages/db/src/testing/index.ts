// Test support for every package: databases and a seeded acquiring world.
export * from './databases.ts';
export * from './world.ts';
export * from './statements.ts';
export * from './faults.ts';
