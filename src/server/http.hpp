// The request and response the HTTP layer hands to the application and
// takes back. Independent of Boost.Beast so that handlers and tests do not
// see the transport.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ts::server {

// Takes a request body piece by piece as it arrives, so that a route can
// process an upload while it is still being sent (ServerOptions::open_body_sink).
class BodySink {
 public:
  virtual ~BodySink() = default;
  virtual void Write(std::string_view bytes) = 0;
};

struct Request {
  std::string method;                             // "GET", "POST", ...
  std::string target;                             // as received, e.g. "/api/v1/events?page=2"
  std::string path;                               // percent-decoded path without the query
  std::multimap<std::string, std::string> query;  // percent-decoded parameters
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::shared_ptr<BodySink> body_sink;  // when set, the body went there and `body` is empty
  std::string remote_address;           // peer IP address, no port
  bool tls = false;

  // The first header named `name` (lower-case), or empty.
  std::string_view Header(std::string_view name) const;
  // The first query parameter named `name`, or empty.
  std::string_view Query(std::string_view name) const;
  // The value of cookie `name` from the Cookie header, or empty.
  std::string_view Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers

  void SetHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

}  // namespace ts::server
