import * as core from '@actions/core';
import { IAMClient, GetRoleCommand } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { EKSClient } from '@aws-sdk/client-eks';
import * as tc from '@actions/tool-cache';
core.info(String(typeof GetRoleCommand) + typeof IAMClient + typeof STSClient + typeof EKSClient + typeof tc.find);
