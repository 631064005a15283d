import GRDB

extension ResultCache {
    /// `output_text(output)`: a stored output as JSON text whichever way it is stored, so that
    /// `json_extract(output_text(r.output), '$.field')` works on compressed outputs too.
    static let outputTextFunction = DatabaseFunction("output_text", argumentCount: 1, pure: true) { values in
        let value = values[0]
        switch value.storage {
        case .blob(let data): return String(decoding: try StoredOutput.decompress(data), as: UTF8.self)
        default: return value
        }
    }

    /// Runs a read-only SQL query and streams its rows: `header` once with the column names,
    /// then `row` for each row with every value as text (nil for NULL; blobs as `<N bytes>`).
    /// - Throws: `CacheError` with SQLite's message for a bad query or a write attempt.
    public func query(_ sql: String, header: ([String]) -> Void, row: ([String?]) -> Void) throws(CacheError) {
        do {
            try pool.read { db in
                let statement = try db.makeStatement(sql: sql)
                guard statement.isReadonly else { throw CacheError("only queries that read are allowed (the cache belongs to the runner)") }
                header(statement.columnNames)
                let rows = try Row.fetchCursor(statement)
                while let next = try rows.next() {
                    row(next.databaseValues.map(Self.text))
                }
            }
        } catch let error as CacheError {
            throw error
        } catch let error as DatabaseError {
            throw CacheError("the query failed: \(error.message ?? "\(error)")")
        } catch {
            throw CacheError("the query failed: \(error)")
        }
    }

    private static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: return nil
        case .int64(let int): return String(int)
        case .double(let double): return String(double)
        case .string(let string): return string
        case .blob(let data): return "<\(data.count) bytes>"
        }
    }
}
