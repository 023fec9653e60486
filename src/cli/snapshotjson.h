// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

#include <QJsonObject>

namespace Specula::Cli {

// What `specula snapshot` knows about Prometheus; metrics arrive in a later schema block.
struct PrometheusState
{
    QString status = QStringLiteral("disabled"); // "ok", "unreachable" or "disabled"
    QString url;
    QString error;
};

// The public schema (version 1) of DESIGN.md §4. Field names are a contract with scripts.
QJsonObject snapshotToJson(const Model::ClusterSnapshot &snapshot, const PrometheusState &prometheus);

} // namespace Specula::Cli
