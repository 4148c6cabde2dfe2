/** The body of an RPC whose request has no fields (REST: an endpoint that reads no body). */
export class NoFieldsDto {}
