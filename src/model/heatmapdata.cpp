// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/heatmapdata.h"

#include "model/gpumetricsjoin.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QVarLengthArray>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace Specula::Model {

// What build() read of a snapshot beyond its nodes and their GPU devices.
struct SnapshotInputs
{
    QStringList podsAsked; // the holder pods that placed series naming no known node
    bool addressesAsked = false; // whether a series was looked for among the node addresses
    bool latestUtilization = false; // whether the rows take the devices' latest utilization
};

struct HeatmapData::Shared
{
    Prom::Metric metric = Prom::Metric::GpuUtil;
    Prom::TimeAxis axis;
    HeatmapScale scale;
    QList<HeatmapRow> rows;
    // Each row's axis.count values. A row of one series reads the store's own row (the store is
    // only read, so its block never moves); rows that merge several series, drop DCGM blanks or
    // have none read a row of `merged`. A copy of 40,000 × 240 values would be 38 MB more.
    Prom::CompactSeriesStore store;
    std::vector<float> merged;
    std::vector<const float *> rowValues;
    // What of the snapshot the rows were made from, for sameRowsFrom(). A copy of the snapshot
    // would keep an old pod list alive.
    SnapshotInputs inputs;
    QByteArray snapshotDigest;

    // Sets the rows' values from the series of `answer` placed on each of them.
    void placeValues(const Prom::CompactSeriesStore &answer, const std::vector<QVarLengthArray<int, 1>> &seriesOfRow);
};

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double latestOf(std::span<const float> values)
{
    for (auto it = values.rbegin(); it != values.rend(); ++it) {
        if (!std::isnan(*it))
            return *it;
    }
    return kNaN;
}

double meanOf(std::span<const float> values)
{
    double sum = 0;
    int count = 0;
    for (const float value : values) {
        if (!std::isnan(value)) {
            sum += value;
            ++count;
        }
    }
    return count > 0 ? sum / count : kNaN;
}

// A node's devices as the heatmap lists them: each whole GPU followed by the MIG slices cut from
// it; slices whose GPU the node does not list come last, in the node's order.
QList<const GpuDevice *> inRowOrder(const QList<GpuDevice> &devices)
{
    QList<const GpuDevice *> ordered;
    QSet<const GpuDevice *> taken;
    for (const GpuDevice &gpu : devices) {
        if (gpu.migInstance)
            continue;
        ordered.append(&gpu);
        taken.insert(&gpu);
        for (const GpuDevice &slice : devices) {
            if (slice.migInstance && slice.parentUuid == gpu.uuid) {
                ordered.append(&slice);
                taken.insert(&slice);
            }
        }
    }
    for (const GpuDevice &device : devices) {
        if (!taken.contains(&device))
            ordered.append(&device);
    }
    return ordered;
}

// Feeds values to a hash in a form that keeps them apart: each text with its length, each
// optional with whether it is there.
class Digest
{
public:
    void add(const QString &text)
    {
        add(text.size());
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
    }
    template<class Number>
    requires std::is_arithmetic_v<Number>
    void add(Number value) { m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&value), sizeof value)); }
    template<class Value> void add(const std::optional<Value> &value)
    {
        add(value.has_value());
        if (value)
            add(*value);
    }
    QByteArray result() const { return m_hash.result(); }

private:
    QCryptographicHash m_hash { QCryptographicHash::Blake2b_160 };
};

// What build() reads of `snapshot` besides the series: every node's name and GPU devices, the
// nodes of the pods asked for, and what else `inputs` names. The devices' latest readings
// change with every refresh; the rows take none of them but, when they show another metric
// than utilization, the utilization.
QByteArray snapshotDigest(const ClusterSnapshot &snapshot, const SnapshotInputs &inputs)
{
    Digest digest;
    digest.add(snapshot.nodes.size());
    for (const NodeSummary &node : snapshot.nodes) {
        digest.add(node.name);
        digest.add(node.gpu.has_value());
        if (!node.gpu)
            continue;
        digest.add(node.gpu->product);
        digest.add(node.gpu->devices.size());
        for (const GpuDevice &device : node.gpu->devices) {
            for (const QString *text : { &device.uuid, &device.pciBusId, &device.model, &device.migProfile,
                                         &device.parentUuid, &device.draDriver, &device.draPool, &device.draDevice })
                digest.add(*text);
            digest.add(device.index);
            digest.add(device.migInstance);
            digest.add(device.pods.size());
            for (const PodRef &pod : device.pods) {
                digest.add(pod.namespaceName);
                digest.add(pod.name);
                digest.add(pod.container);
            }
            if (inputs.latestUtilization)
                digest.add(device.readings.utilPercent);
        }
    }
    for (const QString &key : inputs.podsAsked) {
        const PodSummary *pod = snapshot.pod(key);
        digest.add(pod ? std::optional<QString>(pod->node) : std::nullopt);
    }
    if (inputs.addressesAsked) {
        // Sorted: two QHash objects with the same entries may iterate them in different orders.
        QStringList addresses = snapshot.nodeByAddress.keys();
        addresses.sort();
        for (const QString &address : std::as_const(addresses)) {
            digest.add(address);
            digest.add(snapshot.nodeByAddress.value(address));
        }
    }
    return digest.result();
}

} // namespace

QString HeatmapRow::key() const
{
    return node + QLatin1Char('|') + uuid + QLatin1Char('|')
        + (migInstance ? QString::number(*migInstance) : QString());
}

QString HeatmapRow::deviceLabel() const
{
    QString label = index ? QStringLiteral("GPU %1").arg(*index) : uuid.left(12);
    if (migInstance) {
        label += QStringLiteral(" · %1 #%2")
                     .arg(migProfile.isEmpty() ? QStringLiteral("MIG") : migProfile)
                     .arg(*migInstance);
    }
    return label;
}

QString HeatmapRow::podsText() const
{
    QStringList keys;
    for (const PodRef &pod : pods) {
        if (!keys.contains(pod.key()))
            keys.append(pod.key());
    }
    return keys.join(QStringLiteral(", "));
}

HeatmapData::HeatmapData()
    : d(QSharedPointer<Shared>::create())
{ }

// A cell takes the largest of its row's series there (a time-shared GPU has one per holder);
// DCGM blanks are no value.
void HeatmapData::Shared::placeValues(const Prom::CompactSeriesStore &answer,
                                      const std::vector<QVarLengthArray<int, 1>> &seriesOfRow)
{
    store = answer;
    const Prom::CompactSeriesStore &series = store;
    const size_t steps = size_t(std::max(axis.count, 0));
    const auto readsInPlace = [&](const QVarLengthArray<int, 1> &ids) {
        if (ids.size() != 1)
            return false;
        const std::span<const float> values = series.values(ids.front());
        return std::none_of(values.begin(), values.end(), Prom::MetricCatalogue::isBlank);
    };
    // `merged` is sized once, so that the rows pointing into it stay where they are.
    std::vector<bool> inPlace;
    inPlace.reserve(seriesOfRow.size());
    for (const auto &ids : seriesOfRow)
        inPlace.push_back(readsInPlace(ids));
    merged.assign(size_t(std::count(inPlace.begin(), inPlace.end(), false)) * steps,
                  std::numeric_limits<float>::quiet_NaN());
    rowValues.reserve(seriesOfRow.size());
    float *next = merged.data();
    for (size_t row = 0; row < seriesOfRow.size(); ++row) {
        const auto &ids = seriesOfRow[row];
        if (inPlace[row]) {
            rowValues.push_back(series.values(ids.front()).data());
            continue;
        }
        for (const int id : ids) {
            const std::span<const float> source = series.values(id);
            for (size_t step = 0; step < steps; ++step) {
                const float value = source[step];
                if (std::isnan(value) || Prom::MetricCatalogue::isBlank(value))
                    continue;
                next[step] = std::isnan(next[step]) ? value : std::max(next[step], value);
            }
        }
        rowValues.push_back(next);
        next += steps;
    }
}

HeatmapData HeatmapData::build(const ClusterSnapshot &snapshot, Prom::Metric metric,
                               const Prom::CompactSeriesStore &store, const Prom::MetricCatalogue &catalogue)
{
    auto shared = QSharedPointer<Shared>::create();
    shared->metric = metric;
    shared->axis = store.axis();
    const int steps = shared->axis.count;

    QList<MetricReading> readings;
    readings.reserve(store.seriesCount());
    for (int id = 0; id < store.seriesCount(); ++id) {
        MetricReading &reading = readings.emplace_back();
        reading.key = catalogue.keyOf(metric, store.labels(id));
        keepHighest(reading.values, metric, latestOf(store.values(id)));
    }
    ClusterSnapshot joined = snapshot;
    const GpuMetricsPlacement placement = joinGpuMetricsIntoNodes(joined, readings);
    shared->inputs = { placement.podsAsked, placement.addressesAsked, metric != Prom::Metric::GpuUtil };
    shared->snapshotDigest = snapshotDigest(snapshot, shared->inputs);

    // Rows, and per node the range of its rows and their devices, for placing the series.
    std::vector<const GpuDevice *> deviceOfRow;
    QHash<QString, std::pair<int, int>> rowsOfNode;
    for (const NodeSummary &node : std::as_const(joined.nodes)) {
        if (!node.gpu)
            continue;
        const int first = int(shared->rows.size());
        const GpuDevice *gpu = nullptr;
        for (const GpuDevice *device : inRowOrder(node.gpu->devices)) {
            if (!device->migInstance)
                gpu = device;
            HeatmapRow row;
            row.node = node.name;
            row.uuid = device->uuid;
            // A slice whose series name no GPU index has its GPU's.
            const bool underGpu = device->migInstance && gpu && device->parentUuid == gpu->uuid;
            row.index = device->index ? device->index : underGpu ? gpu->index : std::nullopt;
            row.model = device->model.isEmpty() ? node.gpu->product : device->model;
            row.migProfile = device->migProfile;
            row.migInstance = device->migInstance;
            row.pods = device->pods;
            shared->rows.append(row);
            deviceOfRow.push_back(device);
        }
        rowsOfNode.insert(node.name, { first, int(shared->rows.size()) });
    }

    std::vector<QVarLengthArray<int, 1>> seriesOfRow(size_t(shared->rows.size()));
    for (int id = 0; id < store.seriesCount(); ++id) {
        const auto range = rowsOfNode.constFind(placement.nodes.at(id));
        if (range == rowsOfNode.cend())
            continue;
        for (int r = range->first; r < range->second; ++r) {
            if (isDeviceOf(*deviceOfRow[size_t(r)], readings.at(id).key)) {
                seriesOfRow[size_t(r)].append(id);
                break;
            }
        }
    }
    shared->placeValues(store, seriesOfRow);

    double peak = 0;
    for (int r = 0; r < shared->rows.size(); ++r) {
        HeatmapRow &row = shared->rows[r];
        const std::span<const float> values(shared->rowValues[size_t(r)], size_t(steps));
        row.mean = meanOf(values);
        row.latest = latestOf(values);
        for (const float value : values) {
            if (!std::isnan(value))
                peak = std::max(peak, double(value));
        }
        // Utilization over the range where the heatmap shows it, else the snapshot's latest reading.
        const std::optional<double> util = metric == Prom::Metric::GpuUtil
            ? (std::isnan(row.mean) ? std::nullopt : std::optional<double>(row.mean))
            : deviceOfRow[size_t(r)]->readings.utilPercent;
        row.idleWhileAllocated = !row.pods.isEmpty() && util && *util < kIdleThresholdPercent;
    }
    shared->scale = HeatmapScale::forMetric(metric, peak);

    HeatmapData data;
    data.d = shared;
    data.setView(Sort::Node, {});
    return data;
}

bool HeatmapData::sameRowsFrom(const ClusterSnapshot &snapshot) const
{
    return snapshotDigest(snapshot, d->inputs) == d->snapshotDigest;
}

Prom::Metric HeatmapData::metric() const
{
    return d->metric;
}

const Prom::TimeAxis &HeatmapData::axis() const
{
    return d->axis;
}

const HeatmapScale &HeatmapData::scale() const
{
    return d->scale;
}

int HeatmapData::allRowCount() const
{
    return int(d->rows.size());
}

bool HeatmapData::hasReadings() const
{
    return std::any_of(d->rowValues.begin(), d->rowValues.end(), [this](const float *row) {
        return std::any_of(row, row + d->axis.count, [](float value) { return !std::isnan(value); });
    });
}

void HeatmapData::setView(Sort sort, const QString &namespaceFilter)
{
    m_sort = sort;
    m_namespace = namespaceFilter;
    m_order.clear();
    for (int r = 0; r < d->rows.size(); ++r) {
        const QList<PodRef> &pods = d->rows.at(r).pods;
        if (namespaceFilter.isEmpty() || std::any_of(pods.cbegin(), pods.cend(), [&](const PodRef &pod) {
                return pod.namespaceName == namespaceFilter;
            }))
            m_order.push_back(r);
    }
    const QList<HeatmapRow> &rows = d->rows;
    switch (sort) {
    case Sort::Node:
        break;
    case Sort::MeanDescending:
        // Rows without data last.
        std::stable_sort(m_order.begin(), m_order.end(), [&rows](int a, int b) {
            const double x = rows.at(a).mean;
            const double y = rows.at(b).mean;
            if (std::isnan(x) || std::isnan(y))
                return !std::isnan(x) && std::isnan(y);
            return x > y;
        });
        break;
    case Sort::IdleFirst:
        // The idle ones, least used first, then everything else in node order.
        std::stable_sort(m_order.begin(), m_order.end(), [&rows](int a, int b) {
            const HeatmapRow &x = rows.at(a);
            const HeatmapRow &y = rows.at(b);
            if (x.idleWhileAllocated != y.idleWhileAllocated)
                return x.idleWhileAllocated;
            return x.idleWhileAllocated
                && std::pair(std::isnan(x.mean), x.mean) < std::pair(std::isnan(y.mean), y.mean);
        });
        break;
    }
}

const HeatmapRow &HeatmapData::row(int shown) const
{
    return d->rows.at(m_order[size_t(shown)]);
}

std::span<const float> HeatmapData::values(int shown) const
{
    return { d->rowValues[size_t(m_order[size_t(shown)])], size_t(d->axis.count) };
}

int HeatmapData::find(const QString &key) const
{
    for (int shown = 0; shown < rowCount(); ++shown) {
        if (row(shown).key() == key)
            return shown;
    }
    return -1;
}

bool HeatmapData::sameRows(const HeatmapData &other) const
{
    if (rowCount() != other.rowCount())
        return false;
    if (d == other.d)
        return m_order == other.m_order;
    for (int shown = 0; shown < rowCount(); ++shown) {
        if (row(shown).key() != other.row(shown).key())
            return false;
    }
    return true;
}

} // namespace Specula::Model
