// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "model/heatmapdata.h"

#include <QByteArray>
#include <optional>

class QIODevice;

namespace Specula::Model {

// The numbers behind a heatmap as CSV (RFC 4180, as SeriesCsv writes it): one line per row shown,
// in view order, with columns node, uuid, gpu, mig_profile, mig_instance, model, pods (space
// separated ns/name), mean, then one column per step headed by its ISO 8601 UTC time; a step
// without data is an empty cell.
class HeatmapCsv
{
public:
    static QByteArray toCsv(const HeatmapData &data);
    static std::optional<Core::Error> write(QIODevice *device, const HeatmapData &data);
    // Through QSaveFile: the file is replaced only when everything was written.
    static std::optional<Core::Error> writeFile(const QString &path, const HeatmapData &data);
};

} // namespace Specula::Model
