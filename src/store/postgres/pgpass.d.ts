/** pgpass (pg's own dependency, no types of its own): the password for these connection parameters from ~/.pgpass. */
declare module 'pgpass' {
  export default function pgpass(parameters: object, done: (password: string | undefined) => void): void;
}
