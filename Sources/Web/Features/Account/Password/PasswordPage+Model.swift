import Plot

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension PasswordPage {
    struct Model {
        var forced: Bool
        var errors: [String] = []
    }
}
