// An upload on its way from the connection to the thread that processes
// it: the connection's I/O thread writes pieces as they arrive (never
// waiting for the processing), the worker takes them in order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "server/http.hpp"

namespace ts::server::api {

class UploadPipe {
 public:
  void Put(std::string_view bytes);
  // The whole body has arrived.
  void Close();
  // The connection went away before the end; a no-op after Close.
  void Abort();

  // Waits for the next piece; false at the end of the body or on abort.
  bool Next(std::string& piece);
  bool aborted() const;
  bool closed() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::string> pieces_;
  bool closed_ = false;
  bool aborted_ = false;
};

// The BodySink end of a pipe. It keeps the first bytes for format
// detection, and aborts the pipe when dropped before Close.
class PipeSink : public BodySink {
 public:
  static constexpr size_t kHeadBytes = 4096;

  explicit PipeSink(std::shared_ptr<UploadPipe> pipe) : pipe_(std::move(pipe)) {}
  ~PipeSink() override { pipe_->Abort(); }

  void Write(std::string_view bytes) override;
  void Close() { pipe_->Close(); }

  size_t bytes() const { return bytes_; }
  const std::string& head() const { return head_; }

 private:
  std::shared_ptr<UploadPipe> pipe_;
  size_t bytes_ = 0;
  std::string head_;
};

}  // namespace ts::server::api
