"""Text handling shared by the data layer and the extractor: normalisation and Chinese numerals."""
