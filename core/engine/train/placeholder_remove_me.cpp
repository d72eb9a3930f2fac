// Temporary translation unit so the area library exists before its sources land; delete when adding real sources.
