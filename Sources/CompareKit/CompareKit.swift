/// CompareKit: the cross-outlet comparison — statistics (`Statistics/`) and the tables the compare
/// stage builds from the analysis stages' outputs.
public enum CompareKit {
    public static let version = "0.1.0"
}
