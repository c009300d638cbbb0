// Filled in by the following layers.
