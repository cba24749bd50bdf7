import Testing
import VaporTesting
@Test func w() {}
