export * from './pinpad.fixtures';
export * from './raw-line.peer';
