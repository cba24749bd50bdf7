import Plot

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension LoginPage {
    struct Model {
        var username = ""
        var next: String?
        var error: String?
    }
}
