// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Specula::Sim {

// Failures the simulator injects into the next requests, set from C++ or by POST /sim/faults.
// Counted faults apply to the next N API requests (the /sim/ control paths are never affected).
class FaultInjector
{
public:
    enum class Action { None, Drop, Truncate, Status, MalformedJson };

    void setLatencyMs(int ms) { m_latencyMs = qMax(0, ms); }
    int latencyMs() const { return m_latencyMs; }
    void dropConnections(int count) { m_drop = count; }
    void truncateBodies(int count) { m_truncate = count; }
    // 500, 503 or 429 (then with Retry-After: retryAfterSeconds).
    void failWithStatus(int status, int count, int retryAfterSeconds = 1);
    void malformJson(int count) { m_malformed = count; }
    void expireContinueTokens() { ++m_continueEpoch; }
    void goneOnNextWatch() { m_goneWatch = true; }
    void clear();

    // Takes the fault for the next API request: what to do, and the status for Action::Status.
    Action takeNext(int *status, int *retryAfter);
    bool takeGoneWatch();
    quint64 continueEpoch() const { return m_continueEpoch; }

    // {"latencyMs", "dropConnections", "truncateBodies", "status", "count", "retryAfter",
    //  "malformedJson", "expireContinueTokens", "goneOnNextWatch", "clear"}
    bool apply(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;

private:
    int m_latencyMs = 0;
    int m_drop = 0;
    int m_truncate = 0;
    int m_statusCount = 0;
    int m_status = 0;
    int m_retryAfter = 1;
    int m_malformed = 0;
    quint64 m_continueEpoch = 0;
    bool m_goneWatch = false;
};

} // namespace Specula::Sim
