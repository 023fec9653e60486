// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/podcsvcolumns.h"

namespace Specula::Cli {
namespace {

// Header text travels through SeriesCsv as the only label of the renamed series.
const QString kColumn = QStringLiteral("__column__");

QString columnName(Prom::Metric metric, const Prom::MetricKey &key)
{
    QStringList parts { QStringLiteral("%1 (%2)").arg(Prom::MetricCatalogue::name(metric),
                                                      Prom::MetricCatalogue::unit(metric)) };
    if (!key.uuid.isEmpty())
        parts.append(key.uuid);
    if (key.migInstance)
        parts.append(QStringLiteral("MIG %1").arg(*key.migInstance));
    if (!key.pciAddress.isEmpty())
        parts.append(key.pciAddress);
    if (!key.interface.isEmpty())
        parts.append(key.interface);
    if (!key.container.isEmpty())
        parts.append(key.container);
    return parts.join(QLatin1Char(' '));
}

} // namespace

QList<Prom::SeriesStore> podCsvColumns(const QList<Model::PodSeries> &series, const Prom::MetricCatalogue &catalogue)
{
    QList<Prom::SeriesStore> stores;
    for (const Model::PodSeries &one : series) {
        Prom::SeriesStore renamed(one.store.axis());
        for (const int id : one.store.idsInLabelOrder()) {
            const QString name = columnName(one.metric, catalogue.keyOf(one.metric, one.store.labels(id)));
            Prom::Labels labels { { kColumn, name } };
            // Two series that read the same (two holders' views of one GPU) stay two columns.
            for (int n = 2; renamed.find(labels) >= 0; ++n)
                labels[kColumn] = QStringLiteral("%1 #%2").arg(name).arg(n);
            const int target = renamed.insert(labels);
            const auto values = one.store.values(id);
            std::copy(values.begin(), values.end(), renamed.mutableValues(target).begin());
        }
        if (renamed.seriesCount() > 0)
            stores.append(renamed);
    }
    return stores;
}

} // namespace Specula::Cli
