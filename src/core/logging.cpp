// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logging.h"

Q_LOGGING_CATEGORY(lcNet, "specula.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKube, "specula.kube", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "specula.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "specula.sim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "specula.app", QtInfoMsg)
