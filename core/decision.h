// What the core tells the extension to do next. One value per step; serialized to
// JSON only at the boundary (to_json).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "error.h"

namespace crosslink {

enum class DecisionKind { Click, Toggle, Navigate, Wait, AskUser, Done, Error };

struct Decision {
  DecisionKind kind = DecisionKind::Wait;
  std::string screen;      // the screen recognised in the snapshot this decision answers
  int target = -1;         // Click / Toggle: element index in that snapshot
  std::string locator;     // Click / Toggle: the locator that found it (core/data/locators.json)
  std::string target_role, target_name;  // Click / Toggle: what the actuator must find at target
  int target_checked = -1; // Click / Toggle on a checkable: its state when decided (0/1)
  std::string url;         // Navigate: an absolute URL on a known Instagram host
  int wait_ms = 0;         // Wait
  std::string reason;      // AskUser: facebook_login, choose_account, not_you, ...
  std::vector<std::string> choices;  // AskUser: the names the person picks from (confirm_account, confirm_unlink, choose_unlink)
  nlohmann::json result;   // Done: what was read back
  crosslink::Error error;  // Error
  std::string taught;      // Click / Toggle: the taught wording that found the target (core/guided.h), "" for shipped ones
  nlohmann::json guide;    // AskUser "guided": the step the person does by hand (core/guided.h)

  static Decision done(std::string screen, nlohmann::json result);
  static Decision fail(std::string screen, crosslink::Error error);
};

const char* kind_name(DecisionKind kind);
nlohmann::json to_json(const Decision& decision);

}  // namespace crosslink
