import CompareKit
import Testing

@Test func compareKitLinks() { #expect(!CompareKit.version.isEmpty) }
