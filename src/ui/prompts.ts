/**
 * The inquirer prompts oneonone uses, and only those. Importing '@inquirer/prompts' itself as a whole
 * module would also load the editor prompt with its character-set converters (~760 kB bundled); named
 * re-exports here let the build keep just these five.
 */
export { checkbox, confirm, input, search, select } from '@inquirer/prompts';
