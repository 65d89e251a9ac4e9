"""Everything that knows UN documents. Imports nothing from discord."""
