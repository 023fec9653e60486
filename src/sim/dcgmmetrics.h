// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/gpufleet.h"

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

    // A GPU that a pod holds and that still does next to nothing ("allocated but idle").
    static bool idleWhileAllocated(quint64 seed, const GpuDevice &device);
    // The load in [0, 1] that every field derives from.
    static double load(quint64 seed, const GpuDevice &device, double t);

    // Labels in dcgm-exporter 3.3.7+ order with NODE_NAME set (Hostname = node name), with the
    // pod attributes of holder when one is given.
    static QList<std::pair<QString, QString>> labels(const GpuDevice &device, const GpuHolder *holder);
};

} // namespace Specula::Sim
