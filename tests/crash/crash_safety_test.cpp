// Crash safety: rsd-upscale and the GUI batch are killed with SIGKILL at random moments. After
// every kill: no input changed, every file under a final output name is a complete image of the
// right size (only ".rsd-tmp-*" files may be partial), and the GUI's saved queue is valid JSON.
// A final uninterrupted run finishes the rest without redoing anything and sweeps the temporary
// files of the killed processes.
//
// The binaries and the shipped student come from the build tree (build paths RSD_UPSCALE_EXE and
// RSD_STUDIO_EXE).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "../core/imaging/test_support.h"
#include "base/build_paths.h"
#include "imaging/image_decoder.h"
#include "imaging/image_encoder.h"

namespace rsd {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kCliKills = 20;
constexpr int kGuiKills = 10;
constexpr int kRunTimeoutSeconds = 300;

struct Input {
  std::string name;
  int width, height;
  imaging::ImageFormat format;
};

const std::vector<Input> kInputs = {{"alpha.png", 160, 120, imaging::ImageFormat::Png},
                                    {"bravo.jpg", 144, 112, imaging::ImageFormat::Jpeg},
                                    {"charlie.tif", 128, 128, imaging::ImageFormat::Tiff},
                                    {"delta.png", 176, 96, imaging::ImageFormat::Png},
                                    {"echo.jpg", 120, 160, imaging::ImageFormat::Jpeg}};

// "<stem>_x4.<ext>": the output name both the CLI and the GUI give a photo by default.
std::string output_name(const Input& in) {
  const fs::path p(in.name);
  return p.stem().string() + "_x4" + p.extension().string();
}

// Starts `argv` with `env` added to the environment, stdout/stderr to `log`.
pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            const fs::path& log) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
  if (FILE* f = std::fopen(log.c_str(), "a")) {
    dup2(fileno(f), 1);
    dup2(fileno(f), 2);
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

// Waits for `pid`; kills it after kRunTimeoutSeconds. Returns the exit status (-signal if killed).
int wait_for(pid_t pid) {
  const auto deadline = Clock::now() + std::chrono::seconds(kRunTimeoutSeconds);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ADD_FAILURE() << "process " << pid << " did not finish within " << kRunTimeoutSeconds << " s";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// Number of files in `dir` named like an output ("*_x4.*"), complete or not yet.
int count_outputs(const fs::path& dir) {
  int n = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().stem().string().size() > 3 &&
        it->path().stem().string().compare(it->path().stem().string().size() - 3, 3, "_x4") == 0)
      ++n;
  return n;
}

// Kills `pid` with SIGKILL once `dir` holds `outputs` outputs, plus `delay` (a random moment in
// the middle of the next photo: model, encoding or the write), unless it finishes first.
// Waiting for outputs rather than for a fixed time keeps the kills inside the batch however
// fast or loaded the machine is. Returns true if it was killed.
bool kill_during(pid_t pid, const fs::path& dir, int outputs, std::chrono::milliseconds delay) {
  int status = 0;
  auto deadline = Clock::time_point::max();
  const auto give_up = Clock::now() + std::chrono::seconds(kRunTimeoutSeconds);
  while (Clock::now() < deadline && Clock::now() < give_up) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      // Finished before the kill: fine (the rest of the batch was short), but it must succeed.
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "exit status " << status;
      return false;
    }
    if (deadline == Clock::time_point::max() && count_outputs(dir) >= outputs)
      deadline = Clock::now() + delay;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

class CrashSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    inputs_ = dir_.path() / "photos";
    fs::create_directories(inputs_);
    for (const auto& in : kInputs) {
      imaging::EncodeOptions o;
      o.format = in.format;
      auto bytes = imaging::encode_image(test::make_pattern(in.width, in.height, 3), o);
      ASSERT_TRUE(bytes.ok()) << bytes.error().what();
      test::write_bytes(inputs_ / in.name, bytes.value());
      digests_[in.name] = test::file_digest(inputs_ / in.name);
      input_paths_.push_back((inputs_ / in.name).string());
    }
  }

  void expect_inputs_unchanged() {
    for (const auto& in : kInputs)
      EXPECT_EQ(test::file_digest(inputs_ / in.name), digests_[in.name]) << in.name << " changed";
  }

  // Checks every file in `out`: a temporary file, an input, or a complete 4x output of an input.
  // Returns the number of complete outputs; counts leftover temporary files in temp_files_seen_.
  int check_outputs(const fs::path& out) {
    int complete = 0;
    for (const auto& e : fs::directory_iterator(out)) {
      const std::string name = e.path().filename().string();
      if (name.rfind(".rsd-tmp-", 0) == 0) {
        ++temp_files_seen_;
        continue;
      }
      if (digests_.count(name) && out == inputs_) continue;
      const Input* match = nullptr;
      for (const auto& in : kInputs)
        if (name == output_name(in)) match = &in;
      if (!match) {
        ADD_FAILURE() << "unexpected file " << name << " in " << out;
        continue;
      }
      const auto bytes = test::read_bytes(e.path());
      auto img = imaging::decode_image(bytes.data(), bytes.size());
      if (!img.ok()) {
        ADD_FAILURE() << name << " under its final name is not a complete image: " << img.error().what();
        continue;
      }
      EXPECT_EQ(img->pixels.width, match->width * 4) << name;
      EXPECT_EQ(img->pixels.height, match->height * 4) << name;
      ++complete;
    }
    return complete;
  }

  test::TempDir dir_{"rsd-crash"};
  fs::path inputs_;
  std::map<std::string, std::string> digests_;
  std::vector<std::string> input_paths_;
  int temp_files_seen_ = 0;
};

TEST_F(CrashSafety, KilledCliBatchesLeaveNoPartialOutputsAndResume) {
  const fs::path out = dir_.path() / "out";
  const fs::path log = dir_.path() / "cli.log";
  std::vector<std::string> argv{rsd::build_paths::get("RSD_UPSCALE_EXE"), "--quiet",
                                "--skip-existing", "-o", out.string()};
  argv.insert(argv.end(), input_paths_.begin(), input_paths_.end());
  const std::map<std::string, std::string> env{{"OMP_NUM_THREADS", "2"}};

  // A warm-up run (the first start reads the libraries from disk), then a timed full run gives
  // the time scale for the kills; the outputs are removed after each.
  std::chrono::milliseconds full{};
  for (int run = 0; run < 2; ++run) {
    const auto t0 = Clock::now();
    ASSERT_EQ(wait_for(spawn(argv, env, log)), 0) << test::run_command("cat '" + log.string() + "'");
    full = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0);
    ASSERT_EQ(check_outputs(out), int(kInputs.size()));
    fs::remove_all(out);
  }

  // Time per photo, less the start-up (which is about as long as one photo or more): an upper
  // bound, so the random delay spans the whole of the next photo.
  const auto per_photo = full / int(kInputs.size());
  std::mt19937 rng(20261125);
  int killed = 0, resumed_complete = 0;
  for (int i = 0; i < kCliKills; ++i) {
    const int before = count_outputs(out);
    std::uniform_int_distribution<int> next(before, int(kInputs.size()) - 1);
    std::uniform_int_distribution<int> delay(0, int(per_photo.count()));
    killed += kill_during(spawn(argv, env, log), out, next(rng), std::chrono::milliseconds(delay(rng)));
    expect_inputs_unchanged();
    if (fs::exists(out)) {
      const int complete = check_outputs(out);
      // A batch that got everything done starts over, so later kills land in writes again.
      if (complete == int(kInputs.size())) {
        ++resumed_complete;
        for (const auto& e : fs::directory_iterator(out))
          if (e.path().filename().string().rfind(".rsd-tmp-", 0) != 0) fs::remove(e.path());
      }
    }
  }
  EXPECT_GE(killed, kCliKills / 2) << "most runs should have been killed, not finished";

  // The rerun finishes the rest (skipping what is done) and sweeps the killed runs' temp files.
  ASSERT_EQ(wait_for(spawn(argv, env, log)), 0) << test::run_command("cat '" + log.string() + "'");
  temp_files_seen_ = 0;
  EXPECT_EQ(check_outputs(out), int(kInputs.size()));
  EXPECT_EQ(temp_files_seen_, 0) << "temporary files of killed runs were not swept";
  expect_inputs_unchanged();
  std::printf("[ crash    ] %d of %d CLI runs killed (full run %lld ms), %d batches completed in between\n",
              killed, kCliKills, static_cast<long long>(full.count()), resumed_complete);
}

TEST_F(CrashSafety, KilledGuiBatchesResumeFromTheSavedQueue) {
  const fs::path home = dir_.path() / "home";
  const fs::path log = dir_.path() / "gui.log";
  const std::map<std::string, std::string> env{
      {"HOME", home.string()},
      {"XDG_DATA_HOME", (home / "data").string()},
      {"XDG_CONFIG_HOME", (home / "config").string()},
      {"XDG_CACHE_HOME", (home / "cache").string()},
      {"QT_QPA_PLATFORM", "offscreen"},
      {"OMP_NUM_THREADS", "2"}};
  const fs::path queue_file = home / "data" / "rsd-studio" / "rsd-studio" / "queue.json";
  std::vector<std::string> argv{rsd::build_paths::get("RSD_STUDIO_EXE"), "--run-batch", "--grab",
                                (dir_.path() / "grab.png").string()};
  argv.insert(argv.end(), input_paths_.begin(), input_paths_.end());

  // Warm-up and timed full runs as above; each time start over: no queue, no outputs.
  std::chrono::milliseconds full{};
  for (int run = 0; run < 2; ++run) {
    const auto t0 = Clock::now();
    ASSERT_EQ(wait_for(spawn(argv, env, log)), 0) << test::run_command("cat '" + log.string() + "'");
    full = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0);
    ASSERT_EQ(check_outputs(inputs_), int(kInputs.size()));  // outputs go next to the photos
    for (const auto& in : kInputs) fs::remove(inputs_ / output_name(in));
    fs::remove(queue_file);
  }

  const auto per_photo = full / int(kInputs.size());
  std::mt19937 rng(20261126);
  int killed = 0;
  for (int i = 0; i < kGuiKills; ++i) {
    if (count_outputs(inputs_) == int(kInputs.size())) {  // all done: start over
      for (const auto& in : kInputs) fs::remove(inputs_ / output_name(in));
      fs::remove(queue_file);
    }
    const int before = count_outputs(inputs_);
    std::uniform_int_distribution<int> next(before, int(kInputs.size()) - 1);
    std::uniform_int_distribution<int> delay(0, int(per_photo.count()));
    killed += kill_during(spawn(argv, env, log), inputs_, next(rng), std::chrono::milliseconds(delay(rng)));
    expect_inputs_unchanged();
    check_outputs(inputs_);
    if (fs::exists(queue_file)) {
      std::ifstream f(queue_file);
      const auto queue = nlohmann::json::parse(f, nullptr, /*allow_exceptions=*/false);
      EXPECT_FALSE(queue.is_discarded()) << "the saved queue is not valid JSON after a kill";
    }
  }
  EXPECT_GE(killed, kGuiKills / 2);

  // Restart: the saved queue resumes; each photo ends with exactly one output, none redone.
  ASSERT_EQ(wait_for(spawn(argv, env, log)), 0) << test::run_command("cat '" + log.string() + "'");
  temp_files_seen_ = 0;
  EXPECT_EQ(check_outputs(inputs_), int(kInputs.size()));
  EXPECT_EQ(temp_files_seen_, 0);
  expect_inputs_unchanged();
  std::ifstream f(queue_file);
  const auto queue = nlohmann::json::parse(f, nullptr, false);
  ASSERT_TRUE(queue.is_object());
  ASSERT_EQ(queue["items"].size(), kInputs.size());
  for (const auto& item : queue["items"])
    EXPECT_EQ(item.value("status", ""), "done") << item.dump();
  std::printf("[ crash    ] %d of %d GUI runs killed (full run %lld ms)\n", killed, kGuiKills,
              static_cast<long long>(full.count()));
}

}  // namespace
}  // namespace rsd
