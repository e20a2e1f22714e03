#include "server/api/upload_pipe.hpp"

namespace ts::server::api {

void UploadPipe::Put(std::string_view bytes) {
  {
    std::lock_guard lock(mutex_);
    if (closed_ || aborted_) return;
    pieces_.emplace_back(bytes);
  }
  ready_.notify_one();
}

void UploadPipe::Close() {
  {
    std::lock_guard lock(mutex_);
    if (aborted_) return;
    closed_ = true;
  }
  ready_.notify_one();
}

void UploadPipe::Abort() {
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    aborted_ = true;
    pieces_.clear();
  }
  ready_.notify_one();
}

bool UploadPipe::Next(std::string& piece) {
  std::unique_lock lock(mutex_);
  ready_.wait(lock, [&] { return aborted_ || closed_ || !pieces_.empty(); });
  if (aborted_ || pieces_.empty()) return false;
  piece = std::move(pieces_.front());
  pieces_.pop_front();
  return true;
}

bool UploadPipe::aborted() const {
  std::lock_guard lock(mutex_);
  return aborted_;
}

bool UploadPipe::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

void PipeSink::Write(std::string_view bytes) {
  bytes_ += bytes.size();
  if (head_.size() < kHeadBytes) head_.append(bytes.substr(0, kHeadBytes - head_.size()));
  pipe_->Put(bytes);
}

}  // namespace ts::server::api
