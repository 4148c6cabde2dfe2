export { openScratchSchema, type ScratchSchema, type ScratchSchemaOptions } from './scratch-schema';
