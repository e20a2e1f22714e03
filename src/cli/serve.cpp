// threatshare serve: the portal on a data directory.
#include <iostream>

#include <spdlog/spdlog.h>

#include "cli/commands.hpp"
#include "cli/data_dir.hpp"
#include "server/app.hpp"
#include "server/http_server.hpp"

namespace ts::cli {
namespace {

struct ServeFlags {
  std::string data;
  std::optional<std::string> listen, web_root, tls_cert, tls_key;
  std::optional<int> threads;
  bool anonymous_read = false;
};

int Serve(const ServeFlags& f) {
  auto data = OpenDataDir(f.data, OpenMode::kCreate);
  if (!data) return Fail(data.error());
  auto& config = data->config;
  // Flags win over the environment, which wins over the file.
  if (f.listen) config.listen = *f.listen;
  if (f.web_root) config.web_root = *f.web_root;
  if (f.tls_cert) config.tls_certificate = *f.tls_cert;
  if (f.tls_key) config.tls_private_key = *f.tls_key;
  if (f.threads) config.threads = *f.threads;
  if (f.anonymous_read) config.anonymous_read = true;
  if (auto st = server::ValidateConfig(config); !st.ok()) return Fail(st.error());
  auto listen = server::ParseListen(config.listen);
  if (!listen) return Fail(listen.error());

  server::ServerOptions options;
  options.address = listen->first;
  options.port = listen->second;
  options.threads = config.threads;
  options.max_body_bytes = config.max_body_bytes;
  // Sample uploads are raw bodies up to their own limit, given time to arrive
  // over slow links (256 MiB at 4 Mbit/s).
  options.route_body_limits.push_back(
      {"POST", "/api/v1/samples", config.samples_max_size, std::chrono::minutes(10)});
  // Imports (STIX bundles, MISP events) share the upload limit of samples
  // and are read while they arrive.
  options.route_body_limits.push_back(
      {"POST", "/api/v1/import", config.samples_max_size, std::chrono::minutes(10)});
  if (!config.tls_certificate.empty())
    options.tls = server::TlsFiles{config.tls_certificate, config.tls_private_key};

  auto app = std::make_shared<server::App>(config, std::move(data->store));
  options.open_body_sink = [app](const server::Request& head) { return app->OpenBodySink(head); };
  server::HttpServer http(options, [app](server::Request& req) { return app->Handle(req); });
  if (auto st = http.Start(); !st.ok()) return Fail(st.error());
  std::string host =
      listen->first.find(':') != std::string::npos ? "[" + listen->first + "]" : listen->first;
  std::cout << "threatshare listening on " << (options.tls ? "https" : "http") << "://" << host
            << ":" << http.port() << "/" << std::endl;
  if (!config.public_url.empty()) std::cout << "public address: " << config.public_url << std::endl;
  http.WaitForShutdownSignal();
  spdlog::info("stopped");
  return 0;
}

int Init(const std::string& dir) {
  auto data = OpenDataDir(dir, OpenMode::kCreate);
  if (!data) return Fail(data.error());
  std::cout << "data directory ready: " << dir << " (settings in " << dir << "/threatshare.toml)\n";
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, Action& action) {
  auto init_dir = std::make_shared<std::string>();
  auto* init =
      app.add_subcommand("init", "Create a data directory with a commented configuration file");
  init->add_option("--data", *init_dir, "Data directory")->required();
  init->callback([init_dir, &action] { action = [init_dir] { return Init(*init_dir); }; });

  auto flags = std::make_shared<ServeFlags>();
  auto* cmd = app.add_subcommand("serve", "Run the portal on a data directory");
  cmd->add_option("--data", flags->data, "Data directory (created if missing)")->required();
  cmd->add_option("--listen", flags->listen,
                  "Address and port, e.g. 127.0.0.1:8443 (port 0: any free)");
  cmd->add_option("--threads", flags->threads, "I/O threads (0: one per core)");
  cmd->add_option("--web-root", flags->web_root, "Folder of the built web UI");
  cmd->add_option("--tls-cert", flags->tls_cert, "PEM certificate chain for HTTPS");
  cmd->add_option("--tls-key", flags->tls_key, "PEM private key for HTTPS");
  cmd->add_flag("--anonymous-read", flags->anonymous_read,
                "Let anyone read WHITE items without login");
  cmd->callback([flags, &action] { action = [flags] { return Serve(*flags); }; });
}

}  // namespace ts::cli
