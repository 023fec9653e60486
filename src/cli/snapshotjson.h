// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

#include <QJsonObject>

namespace Specula::Cli {

// The public schema (version 1) of DESIGN.md §4. Field names are a contract with scripts.
QJsonObject snapshotToJson(const Model::ClusterSnapshot &snapshot);

} // namespace Specula::Cli
