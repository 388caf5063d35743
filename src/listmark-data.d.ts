// The list bundle, generated into build/data by scripts/build-data.ts. Typed `unknown` on
// purpose: each reader checks the format it gets (parseDetailsBundle, new Matcher).
declare module '@listmark-data/matcher.json' {
  const data: unknown;
  export default data;
}
declare module '@listmark-data/details.json' {
  const data: unknown;
  export default data;
}
