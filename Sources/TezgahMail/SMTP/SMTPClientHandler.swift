import NIOConcurrencyHelpers
import NIOCore

/// The first error that broke a session (a refused TLS handshake, say), kept so that a command
/// written after the channel closed fails with that cause rather than "closed channel".
final class SMTPBreakage: @unchecked Sendable {
    private let lock = NIOLock()
    private var first: Error?

    var cause: Error? { lock.withLock { first } }

    func record(_ error: Error) {
        lock.withLock { if first == nil { first = error } }
    }
}

/// A command for the server and the promise its reply completes. Commands without a reply (the
/// message text before the final dot) carry no promise.
struct SMTPRequest: Sendable {
    var bytes: ByteBuffer
    var reply: EventLoopPromise<SMTPReply>?
    var step: String
}

/// Pairs each reply with the request that asked for it, in order. A read timeout (from the
/// IdleStateHandler in front) or a closed connection fails every waiting request, naming the step.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private var waiting: CircularBuffer<(promise: EventLoopPromise<SMTPReply>, step: String)> = []

    private let breakage: SMTPBreakage

    init(greeting: EventLoopPromise<SMTPReply>, breakage: SMTPBreakage) {
        self.breakage = breakage
        waiting.append((greeting, "before its greeting"))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let reply = request.reply { waiting.append((reply, request.step)) }
        context.write(wrapOutboundOut(request.bytes), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        guard let next = waiting.popFirst() else { return } // Unasked-for replies are ignored.
        next.promise.succeed(reply)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read, let first = waiting.first {
            failAll(SMTPConnectionError.timedOut(step: first.step))
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let first = waiting.first { failAll(SMTPConnectionError.closed(step: first.step)) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        breakage.record(error)
        failAll(error)
        context.close(promise: nil)
    }

    private func failAll(_ error: Error) {
        while let next = waiting.popFirst() { next.promise.fail(error) }
    }
}
