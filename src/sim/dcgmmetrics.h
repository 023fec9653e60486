// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/gpufleet.h"
#include "sim/metricsconfig.h"

#include <QList>
#include <QString>
#include <optional>

namespace Specula::Sim {

// The dcgm-exporter fields the simulator produces, as pure functions of (seed, device, time),
// so tests and a Prometheus fed from the same generator agree to the last digit.
class DcgmMetrics
{
public:
    enum class Field {
        GpuUtil,
        FbUsed,
        FbFree,
        GpuTemp,
        PowerUsage,
        SmClock,
        MemCopyUtil,
        GrEngineActive,
        TensorActive,
        TotalEnergy,
        XidErrors,
    };
    static QList<Field> fields();
    static QString name(Field field); // "DCGM_FI_DEV_GPU_UTIL"
    static bool isCounter(Field field);

    // The value at unix time t (seconds), or nothing where dcgm has no such series (GPU_UTIL
    // of a MIG instance or of a GPU split into instances, clocks, power and energy of an instance).
    // Values are rounded as dcgm prints them: integers, watts to the milliwatt, ratios to 1e-6.
    static std::optional<double> value(Field field, quint64 seed, const GpuDevice &device, qint64 t);
    // Whether value() gives anything for this device at all (cheap: no hashing).
    static bool has(Field field, const GpuDevice &device);

    // A GPU that a pod holds and that still does next to nothing ("allocated but idle").
    static bool idleWhileAllocated(quint64 seed, const GpuDevice &device);
    // The load in [0, 1] that every field derives from.
    static double load(quint64 seed, const GpuDevice &device, double t);

    // The GPU's (or the MIG instance's share of its GPU's) power in watts at t, unrounded, and
    // its integral in joules over [from, to], in closed form so counters built on it are exact.
    static double powerWatts(quint64 seed, const GpuDevice &device, double t);
    static double energyJoules(quint64 seed, const GpuDevice &device, double from, double to);
    // The integral of load() over [from, to].
    static double loadIntegral(quint64 seed, const GpuDevice &device, double from, double to);
    // Idle and full power of the GPU model, in watts.
    static std::pair<double, double> idleAndMaxWatts(const QString &modelName);

    // DCGM's "blank" values that older exporters print for unsupported fields.
    static constexpr double kInt64NotSupported = 9223372036854775794.0;
    static constexpr double kFp64NotSupported = 140737488355330.0;
    // The blank dcgm prints where a field is unsupported on this device (GPU_UTIL and MEM_COPY_UTIL
    // on MIG, the profiling ratios on a MIG-enabled parent), or nothing where the field is simply
    // not the device's (whole-GPU fields of an instance).
    static std::optional<double> blankValue(Field field, const GpuDevice &device);

    // Labels in dcgm-exporter 3.3.7+ order with NODE_NAME set (Hostname = node name), with the
    // pod attributes of holder when one is given.
    static QList<std::pair<QString, QString>> labels(const GpuDevice &device, const GpuHolder *holder);
    // The labels as the exporter prints them in dialect (metricsconfig.h), in its order: the node
    // label per nodeLabel (exporterPod instead of the node with hostnameIsPod), the holder's pod
    // attributes under the dialect's names, or empty ones with emptyPodLabels.
    static QList<std::pair<QString, QString>> labels(const GpuDevice &device, const GpuHolder *holder,
                                                     const DcgmDialect &dialect, const QString &exporterPod);
};

} // namespace Specula::Sim
