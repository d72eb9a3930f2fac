# Packaging tests
