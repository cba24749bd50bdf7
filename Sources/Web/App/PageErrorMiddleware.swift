import Plot
import Vapor

/// Turns errors into pages a person can read (or JSON for the API), and never lets input crash the server:
/// every error becomes a response with a status and a message; details of unexpected errors go to the log only.
struct PageErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPResponseStatus
            let reason: String
            if let abort = error as? any AbortError {
                status = abort.status
                reason = abort.reason
            } else if error is DecodingError {
                status = .badRequest
                reason = "提交的内容格式不正确"
            } else {
                status = .internalServerError
                reason = "服务器内部错误，请稍后重试；如仍出现请联系管理员。"
                request.logger.report(error: error)
            }
            if status.code >= 500 && error is any AbortError { request.logger.error("\(status): \(reason)") }
            if request.url.path.hasPrefix("/api/") {
                let body = (try? JSONEncoder().encode(["error": reason])) ?? Data()
                var headers = HTTPHeaders()
                headers.contentType = .json
                return Response(status: status, headers: headers, body: .init(data: body))
            }
            if status == .unauthorized {
                return request.redirect(to: SiteURL.login(next: request.url.path).path)
            }
            let context = PageContext(user: nil, csrf: "", section: nil, notice: nil)
            let page = Layout.page(
                title(status), context,
                .div(
                    .class("panel"), .p(.text(reason)),
                    .p(
                        request.url.path.hasPrefix("/public")
                            ? .a(.href(SiteURL.publicHome), .text("返回公开信息首页"))
                            : .a(.href(SiteURL.home), .text("返回首页")))))
            return Response.html(page.render(), status: status)
        }
    }

    private func title(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: "请求有误"
        case 403: "无权操作"
        case 404: "未找到"
        case 413: "文件过大"
        case 422: "内容有误"
        default: status.code >= 500 ? "服务器错误" : "出错了"
        }
    }
}
