// jsdom has no layout and no CSS.highlights: DOM tests check ranges and offsets and pass a
// recording painter in. Nothing here fakes the extension APIs; DOM code under test takes none.
export {};
