// Stage authors write `import StageKit` and get the wire types (Document, JSONValue, DataTable) with it.
@_exported public import WorkbenchProtocol
